-- Marks topics as changed: each takes the next value of the clock, so every entry that recorded an
-- older value stops being valid, on every replica at once.
-- KEYS[1] the cache state hash; ARGV[1] an epoch to start with if the state is missing,
-- ARGV[2] TTL of the state, ARGV[3] TTL of the topics (at least the entries' TTL), ARGV[4..] topic keys
-- A missing clock starts at the server's time in microseconds, above any value handed out before.
redis.replicate_commands()
if redis.call('HEXISTS', KEYS[1], 'epoch') == 0 then
  local now = redis.call('TIME')
  redis.call('HSET', KEYS[1], 'epoch', ARGV[1], 'clock', now[1] .. string.format('%06d', tonumber(now[2])))
end
local clock = redis.call('HINCRBY', KEYS[1], 'clock', 1)
redis.call('EXPIRE', KEYS[1], ARGV[2])
for i = 4, #ARGV do
  redis.call('SET', ARGV[i], clock, 'EX', ARGV[3])
end
return clock
