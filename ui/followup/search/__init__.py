"""The Search page: any record of any event, found as you type."""
