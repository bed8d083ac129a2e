"""Performance scripts: python -m kamlab.perf.<name> prints the figures named in the issues."""
