-- Stores a value loaded after a miss, unless a write may have overtaken the load.
-- KEYS[1] the cache state hash, KEYS[2] the entry
-- ARGV[1] epoch and ARGV[2] clock the lookup saw before the load, ARGV[3] TTL in seconds,
-- ARGV[4] body, ARGV[5] stamp, ARGV[6..] keys of the topics the value depends on
-- A topic bumped after the lookup (value above the clock seen) may mean the load read data older
-- than that write: nothing is stored. Otherwise the entry records each topic's current value, and
-- stays valid exactly as long as none of them changes.
if redis.call('HGET', KEYS[1], 'epoch') ~= ARGV[1] then
  return 0
end
local seen = tonumber(ARGV[2])
local topics, values = {}, {}
for i = 6, #ARGV do
  topics[#topics + 1] = ARGV[i]
end
if #topics > 0 then
  local current = redis.call('MGET', unpack(topics))
  for i = 1, #topics do
    local value = current[i] or '0'
    if tonumber(value) > seen then
      return 0
    end
    values[i] = value
  end
end
redis.call('HSET', KEYS[2], 'meta', cjson.encode({e = ARGV[1], s = ARGV[5], t = topics, v = values}), 'body', ARGV[4])
redis.call('EXPIRE', KEYS[2], ARGV[3])
return 1
