"""保管 Custody: locations, boxes, shelving, where a thing is, spine labels, inventory."""
