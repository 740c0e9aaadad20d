"""The Outcomes & Patterns and Context & Boundaries steps: outcomes, their patterns, where those hold."""
