"""The adoption tracker: every agreement, its status and check-in.

Its model, table and status dialog serve the Adoption review step too.
"""
