def navigation(request):
    """Filled in by the web shell: the menu for the current user's roles."""
    return {}
