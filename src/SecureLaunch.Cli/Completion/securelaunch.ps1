# PowerShell completion for securelaunch. Load it in the current session with
#   securelaunch completion pwsh | Out-String | Invoke-Expression
# or add that line to your $PROFILE.
# Suggestions come from securelaunch itself through System.CommandLine's [suggest] directive.

Register-ArgumentCompleter -Native -CommandName securelaunch -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $text = $commandAst.Extent.Text
    $cursor = $cursorPosition - $commandAst.Extent.StartOffset
    $line = $text.Substring(0, [Math]::Min($cursor, $text.Length)).PadRight($cursor)
    $command = $commandAst.CommandElements[0].Extent.Text
    $line = $line.Substring([Math]::Min($command.Length, $line.Length)).TrimStart()
    & $command "[suggest:$($line.Length)]" $line 2>$null |
        Where-Object { $_ -like "$wordToComplete*" } |
        ForEach-Object { [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_) }
}
