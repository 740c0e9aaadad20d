"""Who is in the room, and the hours coalition members can give (entered while preparing)."""
