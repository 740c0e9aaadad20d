"""The walk-through: the projected screen that leads the room through the agenda."""
