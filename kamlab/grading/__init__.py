"""The trainer's loop, one module per stage (the way otter-grader is laid out).

``assign`` → learner notebooks per roster member; ``submit`` → one checksummed
JSON file of a learner's answers; ``grade`` → validate (JSON only, nothing from a
submission is ever imported or executed) and score against the key into the
SQLite ``gradebook``; ``feedback`` → one HTML page per learner; ``report`` → the
class overview (HTML with charts, Excel). :mod:`kamlab.cli` parses the command
line and calls each stage's ``main``.
"""
