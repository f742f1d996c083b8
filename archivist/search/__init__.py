"""Full-text search: Chinese-aware tokens, the index, and the search service."""
