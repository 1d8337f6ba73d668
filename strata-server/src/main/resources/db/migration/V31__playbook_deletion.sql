-- Deleting a playbook keeps its row: its entries, deliveries and experiment report still point at it. A deleted
-- playbook is switched off (so no trigger fires it) and hidden from every list.
ALTER TABLE playbooks ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
