"""wwc-press: certification announcements to localized press releases."""
