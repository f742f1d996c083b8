"""The use view (利用): requests, approvals, loans, returns, the overdue list."""
