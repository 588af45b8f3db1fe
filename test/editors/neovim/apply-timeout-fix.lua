-- Drives Neovim's built-in LSP client (0.7: no vim.lsp.start, so start_client + buf_attach_client) against the
-- Faultline server: wait for diagnostics, ask for code actions on the first one, apply the quick fix whose title
-- is $FAULTLINE_FIX_TITLE, and wait for that diagnostic to go. Each step prints one JSON line on stdout for
-- test/editors/neovim.test.ts; Neovim is always quit, so the test never hangs on a failed step.
local server = assert(os.getenv('FAULTLINE_SERVER'), 'FAULTLINE_SERVER is not set')
local fix_title = os.getenv('FAULTLINE_FIX_TITLE') or 'Add a 10 s timeout'
local saved_as = os.getenv('FAULTLINE_SAVE_AS')
local buf = vim.api.nvim_get_current_buf()
local exited = false -- set when the server process ends; every wait below gives up then

local function emit(event, data)
  data = data or {}
  data.event = event
  io.stdout:write(vim.fn.json_encode(data) .. '\n')
end

local function faultline_diagnostics()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == 'faultline' then table.insert(found, d) end
  end
  return found
end

local function run()
  local id = vim.lsp.start_client({
    name = 'faultline',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.getcwd(),
    on_exit = function(code) exited = true; emit('server-exit', { code = code }) end,
  })
  if not id then return emit('error', { message = 'start_client failed' }) end
  vim.lsp.buf_attach_client(buf, id)
  local client = vim.lsp.get_client_by_id(id)

  local received = vim.wait(30000, function() return exited or #faultline_diagnostics() > 0 end, 50)
    and #faultline_diagnostics() > 0
  local diagnostics = {}
  for _, d in ipairs(faultline_diagnostics()) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(diagnostics, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, code = code, message = d.message })
  end
  emit('diagnostics', { received = received, diagnostics = diagnostics })
  if not received then return end

  -- 0.7 keeps only `code` in vim.diagnostic's user_data; the line diagnostics keep the LSP shape (range,
  -- source, code), which is what vim.lsp.buf.code_action() itself sends.
  local target = faultline_diagnostics()[1]
  local lsp_diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, target.lnum)
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
    textDocument = vim.lsp.util.make_text_document_params(buf),
    range = lsp_diagnostics[1].range,
    context = { diagnostics = lsp_diagnostics },
  }, 10000)
  local titles, chosen = {}, nil
  for _, response in pairs(responses or {}) do
    for _, action in ipairs(response.result or {}) do
      table.insert(titles, action.title)
      if action.title == fix_title and not chosen then chosen = action end
    end
  end
  emit('code-actions', { titles = titles })
  if not chosen then return emit('error', { message = 'no code action titled ' .. fix_title }) end

  -- A server may compute edits lazily (codeAction/resolve) or run them as a command; handle all three.
  if not chosen.edit and not chosen.command and client.server_capabilities.codeActionProvider
      and type(client.server_capabilities.codeActionProvider) == 'table'
      and client.server_capabilities.codeActionProvider.resolveProvider then
    local resolved = client.request_sync('codeAction/resolve', chosen, 10000, buf)
    if resolved and resolved.result then chosen = resolved.result end
  end
  if chosen.edit then vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding) end
  if chosen.command then
    local command = type(chosen.command) == 'table' and chosen.command or chosen
    client.request_sync('workspace/executeCommand', { command = command.command, arguments = command.arguments }, 10000, buf)
  end
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  emit('applied', { title = chosen.title, buffer = table.concat(lines, '\n') })

  local before = #faultline_diagnostics()
  local gone = vim.wait(30000, function()
    if exited then return false end
    for _, d in ipairs(faultline_diagnostics()) do
      if d.lnum == target.lnum and d.col == target.col then return false end
    end
    return true
  end, 50)
  emit('after-fix', { gone = gone, before = before, remaining = #faultline_diagnostics() })
  if saved_as then vim.cmd('silent write! ' .. vim.fn.fnameescape(saved_as)) end

  vim.lsp.stop_client(id)
  vim.wait(5000, function() return vim.lsp.client_is_stopped(id) end, 50)
end

local ok, err = pcall(run)
if not ok then emit('error', { message = tostring(err) }) end
vim.cmd('qa!')
