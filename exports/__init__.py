"""Renderers of an event for people outside the app: PDF documents and the files they go to.

``exports.pdf`` turns a loaded event into PDF bytes; ``exports.files`` writes
them to disk atomically. Nothing here imports Qt.
"""
