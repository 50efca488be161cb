-- WhatsApp's 24-hour window asks, on every reply, when this customer last wrote through this
-- channel; Messenger's read watermarks update a peer's sent messages. Both look up by peer.
create index channel_messages_peer on channel_messages (channel_id, peer, direction, created_at desc);
