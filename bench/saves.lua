-- wrk script for make bench: answer saves over HTTP, each to an answer of its own so that no
-- two requests meet in a conflict. Each line of the file in SAVES_FILE is
-- "path<TAB>question<TAB>version" (bench/run.sh writes it from the database); SAVES_COOKIE is
-- the signed-in Cookie header's value and SAVES_CSRF its _csrf token. Every request asks for
-- JSON, so the server answers 200 only after the save's commit. Each wrk thread takes every
-- n-th line, starting at its own.

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
  table.insert(threads, thread)
end

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local saves = {}
local next_save = 1
local headers = {}

function init(args)
  local step = tonumber(os.getenv("SAVES_THREADS") or "1")
  local n = 0
  for line in io.lines(os.getenv("SAVES_FILE")) do
    n = n + 1
    if (n - index) % step == 0 then
      local path, question, version = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)$")
      table.insert(saves, {path = path, question = question, version = version})
    end
  end
  headers["Cookie"] = os.getenv("SAVES_COOKIE")
  headers["Accept"] = "application/json"
  headers["Content-Type"] = "application/x-www-form-urlencoded"
end

function request()
  local s = saves[next_save]
  if s == nil then
    next_save = 1  -- ran out: starts over, and those saves conflict (non-2xx, not counted)
    s = saves[1]
  end
  next_save = next_save + 1
  local text = "Mätning " .. index .. "-" .. next_save .. ": åtgärden är genomförd i förvaltningen."
  local body = "_csrf=" .. urlencode(os.getenv("SAVES_CSRF")) .. "&version-" .. s.question .. "=" .. s.version ..
      "&kommentar-" .. s.question .. "=" .. urlencode(text)
  return wrk.format("POST", s.path, headers, body)
end
