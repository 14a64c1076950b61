"""``python -m foodchain`` runs the command line."""

import sys

from foodchain.cli import main

sys.exit(main())
