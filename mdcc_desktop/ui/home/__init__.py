"""The home window: the conference list, its summary and the new-conference dialog."""
