-- wrk script: each request carries the next of the access tokens in $TOKENS (one per line), round robin, so the
-- filter sees many distinct tokens as it would with many signed-in users. Each wrk thread starts at its own offset.
local tokens = {}
for line in io.lines(os.getenv("TOKENS")) do
  tokens[#tokens + 1] = line
end
local i = 0

function setup(thread)
  i = i + 1
  thread:set("offset", i * 97)
end

function init(args)
  i = offset or 0
end

function request()
  i = i % #tokens + 1
  return wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. tokens[i] })
end
