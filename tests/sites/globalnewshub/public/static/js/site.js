document.addEventListener('click',function(e){if(e.target.closest('#cookie-notice button')){e.target.closest('#cookie-notice').remove()}});
