-- wrk script: conditional GETs (If-None-Match) of random articles, from PATHS_FILE's lines
-- "<path> <etag>": what a CDN or browser sends to revalidate what it holds. Every answer is a 304.
local paths, etags = {}, {}
for line in io.lines(os.getenv("PATHS_FILE")) do
  local path, etag = line:match("^(%S+)%s+(.+)$")
  paths[#paths + 1] = path
  etags[#etags + 1] = etag
end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  math.randomseed(os.time() * 100 + (thread_number or 0))
end

request = function()
  local i = math.random(#paths)
  return wrk.format("GET", paths[i], { ["If-None-Match"] = etags[i] })
end
