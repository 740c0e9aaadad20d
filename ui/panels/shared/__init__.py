"""What every panel uses: the panel and table bases, the table model, row fitting, shared fields."""
