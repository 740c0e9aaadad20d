"""The coalition lead's follow-up pages: history, search, adoptions, pattern library, figures.

``screen`` holds the tabs; each page is a folder, imported when its tab is first shown.
"""
