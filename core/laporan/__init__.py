"""Report machinery: one table definition (:mod:`.tabel`) drawn by three renderers (HTML, PDF, XLSX).

Builders (``renja/reports/…``) return a :class:`~core.laporan.tabel.Tabel`; :mod:`.registry` maps a slug to
its builder; :mod:`.views` and the ``export_report`` command serve every slug in every format.
"""
