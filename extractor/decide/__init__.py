"""The trained decision over candidate moves: candidates (features), model (scoring), train."""
