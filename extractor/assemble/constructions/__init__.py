"""Where a sentence puts things around a person: appositions, the title a verb gives, board seats, lists, subjects."""
