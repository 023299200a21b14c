#compdef securelaunch
# zsh completion for securelaunch. Load it in the current shell with
#   source <(securelaunch completion zsh)
# or install it as _securelaunch in a directory on $fpath (before compinit runs):
#   securelaunch completion zsh > "${fpath[1]}/_securelaunch"
# Suggestions come from securelaunch itself through System.CommandLine's [suggest] directive.

_securelaunch() {
  local -a candidates
  # The words after the command up to the cursor, joined by spaces; the current word may be empty.
  local line="${(j: :)words[2,CURRENT]}"
  candidates=(${(f)"$("${words[1]}" "[suggest:${#line}]" "$line" 2>/dev/null)"})
  if (( ${#candidates} )); then
    compadd -a candidates
  else
    _files
  fi
}

if [[ "${funcstack[1]}" == "_securelaunch" ]]; then
  _securelaunch "$@"
else
  compdef _securelaunch securelaunch
fi
