# Shared by the blind bench cases (sourced, not a case): blind_sets DIR CMD
# prints, for each set DIR/<name>.tsv, a "#### <name>" section with the
# figure first measured on it (<name>.baseline.txt) and what CMD <file>
# prints.
blind_sets() {
	local dir=$1 f
	shift
	for f in "$dir"/*.tsv; do
		echo "#### $(basename "$f" .tsv)"
		echo ""
		if [ -f "${f%.tsv}.baseline.txt" ]; then
			echo "Blind figure (first measured): $(cat "${f%.tsv}.baseline.txt")"
			echo ""
		fi
		"$@" "$f"
		echo ""
	done
}
