-- An erased customer keeps its row (conversations, moods and outcomes still count in the figures)
-- but none of its personal data; this says when that happened.
alter table customers add column erased_at timestamptz;
