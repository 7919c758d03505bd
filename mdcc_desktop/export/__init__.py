"""Documents that leave the app: Word minutes and letters (later CSV, Excel, calendars, e-mail)."""
