import sys

from bench.jalan import main

sys.exit(main())
