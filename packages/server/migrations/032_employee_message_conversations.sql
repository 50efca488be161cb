-- The conversations an employee wrote in (bond.service.ts recomputeBonds): only those can hold a
-- bond, so a customer's message in a conversation nobody has answered yet costs the bonds listener
-- one probe here instead of reading the customer's whole history. Employee messages alone maintain it.
create index messages_employee_conversation on messages (conversation_id) where author_type = 'employee' and author_id is not null;
