-- Fixed-window counters for every limit one request is charged to, checked and counted atomically
-- (all replicas share them). The same algorithm runs in memory while Redis is away (LocalWindows).
-- KEYS[i] the counter of limit i
-- ARGV[1] 'consume' or 'refund'; ARGV[2i] quota and ARGV[2i+1] window (ms) of limit i
-- consume: refused, counting nothing, when any counter is at its quota; otherwise each counter
--          counts one, and a counter's window starts with its first count.
-- refund:  gives one back to each counter (a login that turned out right does not count).
-- Answers {allowed (1 or 0), count1, pttl1, count2, pttl2, ...}
local refund = ARGV[1] == 'refund'
local allowed = 1
if not refund then
  for i, key in ipairs(KEYS) do
    if tonumber(redis.call('GET', key) or '0') >= tonumber(ARGV[2 * i]) then
      allowed = 0
    end
  end
end
local answer = {allowed}
for i, key in ipairs(KEYS) do
  local window = tonumber(ARGV[2 * i + 1])
  local count = tonumber(redis.call('GET', key) or '0')
  if refund and count > 0 then
    count = redis.call('DECR', key)
  elseif not refund and allowed == 1 then
    count = redis.call('INCR', key)
    if count == 1 then
      redis.call('PEXPIRE', key, window)
    end
  end
  local ttl = redis.call('PTTL', key)
  if ttl == -1 then
    redis.call('PEXPIRE', key, window)
    ttl = window
  end
  answer[#answer + 1] = count
  answer[#answer + 1] = ttl
end
return answer
