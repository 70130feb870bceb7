"""Answer inputs and the small building blocks the screens share."""
