"""The coalition lead's follow-up pages: history, search, adoptions, pattern library, figures."""
