"""The public transparency register of decided submissions."""
