-- Reads a cache entry if it is still valid, and otherwise the state a later fill needs.
-- KEYS[1] the cache state hash (epoch, clock), KEYS[2] the entry (hash: meta, body)
-- ARGV[1] an epoch to start with if the state is missing (Redis restarted or flushed)
-- ARGV[2] TTL of the state in seconds, ARGV[3] stamp of the caller's in-memory copy, or ""
-- Answers {status, epoch, clock[, body, stamp]}: 0 miss, 1 the caller's copy is current,
-- 2 hit (with body and stamp), 3 stale entry found and deleted.
redis.replicate_commands()
local state = redis.call('HMGET', KEYS[1], 'epoch', 'clock')
local epoch, clock = state[1], state[2]
if not epoch then
  local now = redis.call('TIME')
  epoch = ARGV[1]
  clock = now[1] .. string.format('%06d', tonumber(now[2]))
  redis.call('HSET', KEYS[1], 'epoch', epoch, 'clock', clock)
  redis.call('EXPIRE', KEYS[1], ARGV[2])
end
local meta = redis.call('HGET', KEYS[2], 'meta')
if not meta then
  return {0, epoch, clock}
end
local m = cjson.decode(meta)
local valid = m.e == epoch
if valid and #m.t > 0 then
  local current = redis.call('MGET', unpack(m.t))
  for i = 1, #m.t do
    if (current[i] or '0') ~= m.v[i] then
      valid = false
      break
    end
  end
end
if not valid then
  redis.call('DEL', KEYS[2])
  return {3, epoch, clock}
end
if m.s == ARGV[3] then
  return {1, epoch, clock}
end
return {2, epoch, clock, redis.call('HGET', KEYS[2], 'body'), m.s}
