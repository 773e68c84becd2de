"""Forms that check what caseworkers type before a case action is called (see ``haven.cases.actions``)."""
