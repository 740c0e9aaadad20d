"""The History page: every event in a sortable table, filtered by coalition, dates, status, people."""
