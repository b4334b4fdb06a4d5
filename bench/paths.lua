-- wrk script: each request takes a random path from the file named by PATHS_FILE.
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do
  paths[#paths + 1] = line
end

-- Each thread gets its own random sequence. Seeded alike (os.time() alone), wrk's two threads asked
-- for the same paths in the same order, so every "random" slug came twice within moments.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  math.randomseed(os.time() * 100 + (thread_number or 0))
end

request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
