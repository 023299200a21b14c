# bash completion for securelaunch. Load it in the current shell with
#   source <(securelaunch completion bash)
# or install it for every shell with
#   securelaunch completion bash > ~/.local/share/bash-completion/completions/securelaunch
# Suggestions come from securelaunch itself through System.CommandLine's [suggest] directive (the
# dotnet-suggest protocol), so they always match the installed version's verbs and options.

_securelaunch_complete()
{
    local command="$1" current="$2"
    # The command line up to the cursor, without the command's own name.
    local line="${COMP_LINE:0:COMP_POINT}"
    line="${line#"${line%%[![:space:]]*}"}"
    line="${line#"${line%%[[:space:]]*}"}"
    line="${line#"${line%%[![:space:]]*}"}"
    local IFS=$'\n'
    local candidates
    candidates="$("$command" "[suggest:${#line}]" "$line" 2>/dev/null)" || return 0
    # shellcheck disable=SC2207 # one candidate per line, split on IFS (newline)
    COMPREPLY=($(compgen -W "$candidates" -- "$current"))
}

complete -o default -o bashdefault -F _securelaunch_complete securelaunch
