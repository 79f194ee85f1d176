"""``python -m minimax_archive``: the same as the ``minimax-archive`` command."""

import sys

from .cli import main

sys.exit(main())
