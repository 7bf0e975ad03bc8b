"""What every Relay domain needs and that imports no domain: money, errors, ids, time, db config."""
