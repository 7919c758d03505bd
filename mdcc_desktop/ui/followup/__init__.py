"""Follow-up screens: the action tracker, deadlines, search and a case chronology."""
