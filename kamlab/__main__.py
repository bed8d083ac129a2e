"""``python -m kamlab``: the same as the ``kamlab`` command."""

import sys

from .cli import main

sys.exit(main())
