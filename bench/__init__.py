"""The bench (issue 12): ``python -m bench [--quick]`` and the load test ``python -m bench.beban``.

Not part of the application: it generates a kabupaten in a throwaway database, measures the application
through its own functions and ``django.test.Client``, and rewrites ``docs/BENCHMARKS.md`` (docs/DEPLOY.md
sizes a deployment from it).
"""
