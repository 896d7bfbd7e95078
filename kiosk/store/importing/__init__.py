"""Customer import: read CSV or XLSX files, map their columns, upsert in resumable batches."""
