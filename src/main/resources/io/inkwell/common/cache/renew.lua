-- Starts a new epoch: no entry cached before stays valid. Used after this replica could not deliver
-- an invalidation (Redis unreachable), since Redis may still hold entries that invalidation was for.
-- KEYS[1] the cache state hash; ARGV[1] the new epoch, ARGV[2] TTL of the state
redis.replicate_commands()
if redis.call('HEXISTS', KEYS[1], 'clock') == 0 then
  local now = redis.call('TIME')
  redis.call('HSET', KEYS[1], 'clock', now[1] .. string.format('%06d', tonumber(now[2])))
end
redis.call('HSET', KEYS[1], 'epoch', ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1
