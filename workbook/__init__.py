"""The planning workbook (../shared/spec/WORKBOOK.md): one reader, one importer, one exporter."""
